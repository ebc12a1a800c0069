using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Classifier.Analysis;
using Microsoft.AspNetCore.Http;

namespace Classifier.Service;

/// <summary>The request handlers: each reads its request, runs the work through the gate and writes the runtime's JSON
/// contract, or a problem.</summary>
internal sealed class Endpoints(ModelHost models, WorkGate gate, AnalysisCounter counter, ServiceOptions options)
{
    // A batch is analysed a group at a time, one batch prediction per group, and the deadline is checked between groups:
    // small groups stop sooner, large ones run faster. 100 corpus articles took 0.50 s in groups of 16, against 0.45 s as
    // one batch prediction and 0.61 s one at a time.
    internal const int GroupArticles = 16;
    internal const int GroupCharacters = 64 * 1024;

    private const string JsonType = "application/json; charset=utf-8";
    private static readonly TimeSpan s_retryAfter = TimeSpan.FromSeconds(1);
    private static readonly Lazy<byte[]> s_openApi = new(() => ReadResource("Classifier.Service.openapi.json"));

    // Compact, with non-ASCII text as UTF-8 rather than \u escapes: byte for byte the lines of the CLI's --jsonl output.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task TagAsync(HttpContext context) => HandleAsync(context, async deadline =>
    {
        var request = await RequestReader.ReadArticleAsync(context.Request, options.MaxRequestBodyBytes, summarize: false, deadline).ConfigureAwait(false);
        var analyzer = models.Current.Analyzer;
        var json = await gate.RunAsync(cancel =>
        {
            var analysis = analyzer.Analyze(request.Text);
            counter.Add(1);
            cancel.ThrowIfCancellationRequested();
            return Json(writer => JsonContract.WriteTag(writer, analysis));
        }, deadline).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, json, deadline).ConfigureAwait(false);
    });

    public Task SummarizeAsync(HttpContext context) => HandleAsync(context, async deadline =>
    {
        var request = await RequestReader.ReadArticleAsync(context.Request, options.MaxRequestBodyBytes, summarize: true, deadline).ConfigureAwait(false);
        var analyzer = models.Current.Analyzer;
        var json = await gate.RunAsync(cancel =>
        {
            var analysis = analyzer.Analyze(request.Text);
            counter.Add(1);
            cancel.ThrowIfCancellationRequested();
            var summary = analyzer.Summarize(analysis, request.Options);
            cancel.ThrowIfCancellationRequested();
            return Json(writer => JsonContract.WriteSummary(writer, summary));
        }, deadline).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, json, deadline).ConfigureAwait(false);
    });

    public Task BatchAsync(HttpContext context) => HandleAsync(context, async deadline =>
    {
        var batch = await RequestReader.ReadBatchAsync(context.Request, options.MaxRequestBodyBytes, options.MaxBatchItems, deadline).ConfigureAwait(false);
        var analyzer = models.Current.Analyzer;
        var json = await gate.RunAsync(cancel => Json(writer => WriteBatch(writer, analyzer, batch, counter, cancel)), deadline).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, json, deadline).ConfigureAwait(false);
    });

    public Task ModelsAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status200OK, models.Current.ManifestJson, context.RequestAborted);

    public Task HealthAsync(HttpContext context)
    {
        var serving = models.Current;
        var json = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            WriteGeneration(writer, serving);
            writer.WriteNumber("running", gate.Running);
            writer.WriteNumber("queued", Math.Max(0, gate.Admitted - gate.Running));
            writer.WriteEndObject();
        });
        return WriteAsync(context, StatusCodes.Status200OK, json, context.RequestAborted);
    }

    public Task ReloadAsync(HttpContext context) => HandleAsync(context, async _ =>
    {
        // Not bound to the request's deadline: a load cut short would waste the work and leave nothing to show for it.
        var outcome = await models.ReloadAsync().ConfigureAwait(false);
        switch (outcome.Status)
        {
            case ReloadStatus.Busy:
                throw ServiceProblem.ReloadRunning();
            case ReloadStatus.Refused:
                throw ServiceProblem.BundleRefused(outcome.Error!, outcome.Serving.Number);
        }

        var json = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "reloaded");
            WriteGeneration(writer, outcome.Serving);
            writer.WriteEndObject();
        });
        await WriteAsync(context, StatusCodes.Status200OK, json, context.RequestAborted).ConfigureAwait(false);
    });

    public static Task OpenApiAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status200OK, s_openApi.Value, context.RequestAborted);

    /// <summary>Writes a batch's results, analysing its articles in groups and stopping at the first check after
    /// <paramref name="cancel"/> is cancelled.</summary>
    internal static void WriteBatch(Utf8JsonWriter writer, ArticleAnalyzer analyzer, BatchRequest batch, AnalysisCounter counter, CancellationToken cancel)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", JsonContract.SchemaVersion);
        writer.WriteString("mode", batch.Summarize ? "summarize" : "tag");
        writer.WriteStartArray("results");
        foreach (var group in Groups(batch.Items))
        {
            cancel.ThrowIfCancellationRequested();
            var analyses = analyzer.AnalyzeMany([.. group.Select(i => i.Text)]);
            counter.Add(group.Count);
            for (var i = 0; i < group.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                if (batch.Summarize)
                    JsonContract.WriteSummary(writer, analyzer.Summarize(analyses[i], group[i].Options), group[i].Id);
                else
                    JsonContract.WriteTag(writer, analyses[i], group[i].Id);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Cuts a batch into groups of at most <see cref="GroupArticles"/> articles and, unless one article is longer,
    /// <see cref="GroupCharacters"/> characters, in item order.</summary>
    internal static IEnumerable<List<BatchItem>> Groups(IReadOnlyList<BatchItem> items)
    {
        var group = new List<BatchItem>();
        var characters = 0;
        foreach (var item in items)
        {
            if (group.Count > 0 && (group.Count == GroupArticles || characters + item.Text.Length > GroupCharacters))
            {
                yield return group;
                group = [];
                characters = 0;
            }

            group.Add(item);
            characters += item.Text.Length;
        }

        if (group.Count > 0)
            yield return group;
    }

    private static void WriteGeneration(Utf8JsonWriter writer, ModelGeneration generation)
    {
        writer.WriteStartObject("models");
        writer.WriteNumber("generation", generation.Number);
        writer.WriteString("loadedAt", generation.LoadedAt);
        writer.WriteString("created", generation.Analyzer.Manifest.Created);
        writer.WriteString("dataHash", generation.Analyzer.Manifest.DataHash);
        writer.WriteEndObject();
    }

    private async Task HandleAsync(HttpContext context, Func<CancellationToken, Task> handle)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(options.RequestTimeout);
        ServiceProblem problem;
        try
        {
            await handle(deadline.Token).ConfigureAwait(false);
            return;
        }
        catch (ServiceProblem refused)
        {
            problem = refused;
        }
        catch (ServiceOverloadedException)
        {
            problem = ServiceProblem.Busy(s_retryAfter);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody to answer.
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            problem = ServiceProblem.Timeout(options.RequestTimeout);
        }
        catch (BadHttpRequestException error)
        {
            // Kestrel's own complaints about the body (truncated, bad chunking).
            problem = ServiceProblem.BadBody(error.StatusCode, error.Message);
        }

        await WriteProblemAsync(context, problem).ConfigureAwait(false);
    }

    internal static async Task WriteProblemAsync(HttpContext context, ServiceProblem problem)
    {
        var response = context.Response;
        // The rest of a refused body is never read, so the connection cannot carry another request: say so, or a client
        // that reuses it gets a broken response.
        if (problem.Status == StatusCodes.Status413PayloadTooLarge || problem.Code == "bad-body")
            response.Headers.Connection = "close";
        if (problem.RetryAfter is { } after)
            response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var json = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeOf(problem.Status));
            writer.WriteString("title", problem.Title);
            writer.WriteNumber("status", problem.Status);
            writer.WriteString("detail", Valid(problem.Message));
            writer.WriteString("instance", Valid(context.Request.Path.Value ?? ""));
            writer.WriteString("code", problem.Code);
            foreach (var (name, value) in problem.Extensions)
            {
                writer.WritePropertyName(name);
                if (value is string text)
                    writer.WriteStringValue(Valid(text));
                else
                    JsonSerializer.Serialize(writer, value);
            }

            writer.WriteString("traceId", Activity.Current?.Id ?? context.TraceIdentifier);
            writer.WriteEndObject();
        });
        response.ContentType = "application/problem+json; charset=utf-8";
        await WriteAsync(context, problem.Status, json, CancellationToken.None, contentType: null).ConfigureAwait(false);
    }

    // The JSON writer refuses unpaired surrogates; a message quoting a broken request must still go out.
    private static string Valid(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    // Section of RFC 9110 that defines each status the service sends.
    private static string TypeOf(int status) => "https://www.rfc-editor.org/rfc/rfc9110#section-" + status switch
    {
        400 => "15.5.1",
        404 => "15.5.5",
        405 => "15.5.6",
        409 => "15.5.10",
        411 => "15.5.12",
        413 => "15.5.14",
        415 => "15.5.16",
        422 => "15.5.21",
        503 => "15.6.4",
        504 => "15.6.5",
        >= 500 => "15.6.1",
        _ => "15.5.1",
    };

    private static async Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> body, CancellationToken cancel, string? contentType = JsonType)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (contentType is not null)
            response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers.XContentTypeOptions = "nosniff";
        await response.Body.WriteAsync(body, cancel).ConfigureAwait(false);
    }

    private static ReadOnlyMemory<byte> Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
            write(writer);
        return buffer.WrittenMemory;
    }

    /// <summary>A file embedded in this assembly under <paramref name="name"/>.</summary>
    internal static byte[] ReadResource(string name)
    {
        using var stream = typeof(Endpoints).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
