using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Classifier.Service;

/// <summary>A request the service refuses, as an RFC 9457 (ex 7807) problem: status, a stable <see cref="Code"/> for
/// programs and a <c>detail</c> that says what was wrong and where.</summary>
internal sealed class ServiceProblem : Exception
{
    private ServiceProblem(int status, string code, string title, string detail)
        : base(detail)
    {
        Status = status;
        Code = code;
        Title = title;
    }

    public int Status { get; }

    public string Code { get; }

    public string Title { get; }

    public Dictionary<string, object?> Extensions { get; } = new(StringComparer.Ordinal);

    /// <summary>For 503: when to try again.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public static ServiceProblem MalformedJson(string detail) =>
        new(StatusCodes.Status400BadRequest, "malformed-json", "Malformed JSON", detail);

    /// <summary>The JSON is well formed but not the request's shape; <paramref name="path"/> is where, as <c>$.items[2].text</c>.</summary>
    public static ServiceProblem InvalidRequest(string path, string detail) =>
        new ServiceProblem(StatusCodes.Status400BadRequest, "invalid-request", "Invalid request", $"{path}: {detail}").With("path", path);

    public static ServiceProblem InvalidOption(string path, string option, string detail) =>
        new ServiceProblem(StatusCodes.Status400BadRequest, "invalid-option", "Invalid option", $"{path}: {detail}").With("path", path).With("option", option);

    public static ServiceProblem InvalidText(string code, string title, string detail) =>
        new(StatusCodes.Status400BadRequest, code, title, detail);

    public static ServiceProblem BadBody(int status, string detail) =>
        new(status, "bad-body", "Unreadable request body", detail);

    public static ServiceProblem UnsupportedMediaType(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported content type", detail);

    public static ServiceProblem BodyTooLarge(long limit) =>
        new ServiceProblem(StatusCodes.Status413PayloadTooLarge, "body-too-large", "Request body too large",
            $"the request body is larger than the service's limit of {limit:N0} bytes ({limit / 1024.0 / 1024.0:0.##} MiB). Send a shorter text or split the batch, or have the service started with a higher limit (classifier serve --max-body-bytes N, or ServiceOptions.MaxRequestBodyBytes).").With("limit", limit);

    public static ServiceProblem TooManyItems(int count, int limit) =>
        new ServiceProblem(StatusCodes.Status413PayloadTooLarge, "too-many-items", "Too many batch items",
            $"$.items: {count:N0} items; a batch holds at most {limit:N0}. Split it into smaller batches.").With("limit", limit);

    public static ServiceProblem Busy(TimeSpan retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, "busy", "Service busy",
            "every analysis slot is taken and the queue is full; retry after the Retry-After delay.")
        { RetryAfter = retryAfter };

    public static ServiceProblem Timeout(TimeSpan limit) =>
        new ServiceProblem(StatusCodes.Status504GatewayTimeout, "timeout", "Request timed out",
            $"the request did not complete within the limit of {limit.TotalSeconds:0.###} s (time queued included).").With("limitSeconds", limit.TotalSeconds);

    public static ServiceProblem BundleRefused(string error, int serving) =>
        new ServiceProblem(StatusCodes.Status422UnprocessableEntity, "bundle-refused", "Model bundle refused",
            $"{error} The previous bundle (generation {serving}) is still serving.").With("servingGeneration", serving);

    public static ServiceProblem ReloadRunning() =>
        new(StatusCodes.Status409Conflict, "reload-running", "Reload already running", "another reload is running; try again when it is done.");

    /// <summary>A failure the service did not expect; the detail discloses nothing of it (the log has it).</summary>
    public static ServiceProblem Unexpected() =>
        new(StatusCodes.Status500InternalServerError, "internal-error", "Internal error",
            "the service failed to handle the request; it has been logged. Retry, and report it if it persists.");

    /// <summary>The problem for an answer the framework chose without a body: an unknown path (404), a method the path does not
    /// take (405, with the Allow header), or, should one occur, another status, as <c>http-error</c>.</summary>
    public static ServiceProblem FromStatus(HttpContext context)
    {
        var request = context.Request;
        var status = context.Response.StatusCode;
        return status switch
        {
            StatusCodes.Status404NotFound => new ServiceProblem(status, "not-found", "Not found",
                $"no endpoint at {request.Path}; the endpoints are POST /v1/tag, /v1/summarize, /v1/batch and /v1/models/reload, GET /v1/models, /healthz and /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => new ServiceProblem(status, "method-not-allowed", "Method not allowed",
                $"{request.Method} is not allowed on {request.Path}; use {context.Response.Headers.Allow}."),
            _ => new ServiceProblem(status, "http-error", ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "HTTP error",
                $"the request to {request.Path} failed with status {status}."),
        };
    }

    private ServiceProblem With(string name, object? value)
    {
        Extensions[name] = value;
        return this;
    }
}
