using System.Buffers;
using System.IO.Pipelines;
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

        // Read through the request's PipeReader and parse from its buffer: no copy into a MemoryStream, no 4 KB chunk
        // per request (they were the largest allocation of a warm authorize).
        var reader = request.BodyReader;
        var body = await ReadWithLimitAsync(reader, limit, cancellationToken);
        try
        {
            if (body.IsEmpty)
            {
                throw new PassBrokerException(400, ErrorCodes.InvalidJson, "The request body is empty.", "Send a JSON object.");
            }
            return Deserialize<T>(body)
                ?? throw new PassBrokerException(400, ErrorCodes.InvalidJson, "The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            // The position helps the developer; the content is not echoed back.
            throw new PassBrokerException(400, ErrorCodes.InvalidJson, "The request body is not valid JSON for this route.",
                $"Problem at {ex.Path ?? "$"} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
        finally
        {
            reader.AdvanceTo(body.End);
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

    /// <summary>The whole body, left unconsumed in the reader (the caller advances past it); 413 once it passes the limit.</summary>
    private static async Task<ReadOnlySequence<byte>> ReadWithLimitAsync(PipeReader reader, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                throw TooLarge(limit);
            }
            if (result.IsCompleted)
            {
                return buffer;
            }
            // Nothing consumed, everything examined: the next read waits for more of the body.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>The whole body as one JSON value (trailing content is an error, as for a stream).</summary>
    private static T? Deserialize<T>(in ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return JsonSerializer.Deserialize<T>(body.FirstSpan, HttpJson.Options);
        }
        // A body that arrived in several segments: one pooled copy, cleared after (it may hold an e-mail address).
        var length = (int)body.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(copy);
            return JsonSerializer.Deserialize<T>(copy.AsSpan(0, length), HttpJson.Options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy, clearArray: true);
        }
    }

    private static PassBrokerException TooLarge(int limit) =>
        new(413, ErrorCodes.PayloadTooLarge, "The request body is too large.", $"At most {limit} bytes.");
}
