using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;

namespace PassBroker.Http.Edge;

/// <summary>
/// Reads a JSON request body with PassBroker's limits and error codes, the same in both hosts: 415 for another
/// media type, 413 past <see cref="HttpOptions.MaxRequestBodyBytes"/>, 400 <c>invalid_json</c> for anything unreadable.
/// </summary>
public static class JsonBody
{
    /// <summary>Depth limit: PassBroker's bodies are two levels deep; a deep document is an attack, not a request.</summary>
    public const int MaxDepth = 16;

    /// <param name="request">The request whose body to read.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="resources">True for the decisions routes: their limit is <see cref="HttpOptions.MaxResourcesBodyBytes"/>.</param>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, bool resources = false)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw new PassBrokerException(415, ErrorCodes.UnsupportedMediaType, "Send the body as application/json.");
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value;
        var limit = resources ? options.MaxResourcesBodyBytes : options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        await CopyWithLimitAsync(request.Body, buffer, limit, cancellationToken);
        if (buffer.Length == 0)
        {
            throw new PassBrokerException(400, ErrorCodes.InvalidJson, "The request body is empty.", "Send a JSON object.");
        }

        try
        {
            buffer.Position = 0;
            return await JsonSerializer.DeserializeAsync<T>(buffer, HttpJson.Options, cancellationToken)
                ?? throw new PassBrokerException(400, ErrorCodes.InvalidJson, "The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            // The position helps the developer; the content is not echoed back.
            throw new PassBrokerException(400, ErrorCodes.InvalidJson, "The request body is not valid JSON for this route.",
                $"Problem at {ex.Path ?? "$"} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
    }

    /// <summary>Like <see cref="ReadAsync{T}"/>, but a request without a body means <paramref name="empty"/>.</summary>
    public static Task<T> ReadOptionalAsync<T>(HttpRequest request, T empty, CancellationToken cancellationToken)
        where T : class =>
        IsAbsent(request) ? Task.FromResult(empty) : ReadAsync<T>(request, cancellationToken);

    /// <summary>True when the request carries no body at all (an optional body may be left out, not sent empty as JSON).</summary>
    /// <param name="request">The request.</param>
    public static bool IsAbsent(HttpRequest request) =>
        request.ContentLength == 0 || (request.ContentLength is null && request.ContentType is null && !request.Headers.TransferEncoding.Any());

    private static async Task CopyWithLimitAsync(Stream source, MemoryStream target, int limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[4096];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > limit)
            {
                throw TooLarge(limit);
            }
            target.Write(chunk, 0, read);
        }
    }

    private static PassBrokerException TooLarge(int limit) =>
        new(413, ErrorCodes.PayloadTooLarge, "The request body is too large.", $"At most {limit} bytes.");
}
