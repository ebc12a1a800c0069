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
internal sealed class Endpoints(ModelHost models, WorkGate gate, ServiceOptions options)
{
    private const string JsonType = "application/json; charset=utf-8";
    private static readonly TimeSpan s_retryAfter = TimeSpan.FromSeconds(1);
    private static readonly Lazy<byte[]> s_openApi = new(ReadOpenApi);

    // Compact, with non-ASCII text as UTF-8 rather than \u escapes: byte for byte the lines of the CLI's --jsonl output.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task TagAsync(HttpContext context) => HandleAsync(context, async deadline =>
    {
        var request = await RequestReader.ReadArticleAsync(context.Request, options.MaxRequestBodyBytes, summarize: false, deadline).ConfigureAwait(false);
        var analyzer = models.Current.Analyzer;
        var json = await gate.RunAsync(() => Json(writer => JsonContract.WriteTag(writer, analyzer.Analyze(request.Text))), deadline).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, json, deadline).ConfigureAwait(false);
    });

    public Task SummarizeAsync(HttpContext context) => HandleAsync(context, async deadline =>
    {
        var request = await RequestReader.ReadArticleAsync(context.Request, options.MaxRequestBodyBytes, summarize: true, deadline).ConfigureAwait(false);
        var analyzer = models.Current.Analyzer;
        var json = await gate.RunAsync(() => Json(writer => JsonContract.WriteSummary(writer, analyzer.Summarize(request.Text, request.Options))), deadline).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, json, deadline).ConfigureAwait(false);
    });

    public Task BatchAsync(HttpContext context) => HandleAsync(context, async deadline =>
    {
        var batch = await RequestReader.ReadBatchAsync(context.Request, options.MaxRequestBodyBytes, options.MaxBatchItems, deadline).ConfigureAwait(false);
        var analyzer = models.Current.Analyzer;
        var json = await gate.RunAsync(() => Json(writer => WriteBatch(writer, analyzer, batch)), deadline).ConfigureAwait(false);
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

    private static void WriteBatch(Utf8JsonWriter writer, ArticleAnalyzer analyzer, BatchRequest batch)
    {
        // One batch prediction for every article: the throughput path of the runtime.
        var analyses = batch.Items.Count == 0 ? [] : analyzer.AnalyzeMany([.. batch.Items.Select(i => i.Text)]);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", JsonContract.SchemaVersion);
        writer.WriteString("mode", batch.Summarize ? "summarize" : "tag");
        writer.WriteStartArray("results");
        for (var i = 0; i < analyses.Count; i++)
        {
            var item = batch.Items[i];
            if (batch.Summarize)
                JsonContract.WriteSummary(writer, analyzer.Summarize(analyses[i], item.Options), item.Id);
            else
                JsonContract.WriteTag(writer, analyses[i], item.Id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
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

    private static async Task WriteProblemAsync(HttpContext context, ServiceProblem problem)
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

    private static byte[] ReadOpenApi()
    {
        using var stream = typeof(Endpoints).Assembly.GetManifestResourceStream("Classifier.Service.openapi.json")
            ?? throw new InvalidOperationException("the OpenAPI document is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
