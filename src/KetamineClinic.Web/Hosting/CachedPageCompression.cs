using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KetamineClinic.Web.Hosting;

/// <summary>
/// Compresses, once, a page that the output cache is about to store: Brotli or gzip at the best level, whichever
/// the request accepts (<see cref="ChooseEncoding"/>, by which the cache policy also varies its entries), with
/// <c>Vary: Accept-Encoding</c>, <c>Content-Length</c> and an <c>ETag</c> of the bytes sent. The output cache
/// then serves that copy, and answers a matching <c>If-None-Match</c> with 304, until the entry expires or the
/// content is reloaded. Responses the cache will not store pass through untouched.
/// </summary>
public sealed class CachedPageCompression(RequestDelegate next)
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is not { Context.AllowCacheStorage: true })
        {
            await next(context);
            return;
        }

        var cacheBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var page = new MemoryStream();
        var pageBody = new StreamResponseBodyFeature(page);
        context.Features.Set<IHttpResponseBodyFeature>(pageBody);
        try
        {
            await next(context);
            await pageBody.CompleteAsync();
        }
        finally
        {
            context.Features.Set(cacheBody);
        }

        var response = context.Response;
        var body = new ReadOnlyMemory<byte>(page.GetBuffer(), 0, (int)page.Length);
        if (!IsCompressible(response))
        {
            // Passed on as written, and nothing at all for an empty body: a 404 with none still has its error page
            // written by the status-code pages, which must find the response neither started nor given a length.
            if (body.Length > 0)
            {
                await cacheBody.Stream.WriteAsync(body, context.RequestAborted);
            }

            return;
        }

        var encoding = ChooseEncoding(context.Request.Headers.AcceptEncoding);
        body = encoding switch
        {
            Brotli => CompressWithBrotli(body.Span),
            Gzip => CompressWithGzip(body.Span),
            _ => body,
        };
        if (encoding != Identity)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        response.Headers.ETag = EntityTagOf(body.Span);
        response.ContentLength = body.Length;
        await cacheBody.Stream.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// The encoding a page is sent in: Brotli when the request accepts it at least as much as gzip, then gzip,
    /// else none. Only these three, so clients sending any of the many spellings of Accept-Encoding share a
    /// cache entry, and no header can make the cache compress a page a fourth time.
    /// </summary>
    public static string ChooseEncoding(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding)
            || !StringWithQualityHeaderValue.TryParseList(acceptEncoding!, out var offered))
        {
            return Identity;
        }

        var brotli = QualityOf(offered, Brotli);
        var gzip = QualityOf(offered, Gzip);
        return brotli > 0 && brotli >= gzip ? Brotli
            : gzip > 0 ? Gzip
            : Identity;
    }

    private static double QualityOf(IList<StringWithQualityHeaderValue> offered, string coding)
    {
        double? any = null;
        foreach (var item in offered)
        {
            if (item.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
            {
                return item.Quality ?? 1;
            }

            if (item.Value.Equals("*", StringComparison.Ordinal))
            {
                any = item.Quality ?? 1;
            }
        }

        return any ?? 0;
    }

    private static bool IsCompressible(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK
        && StringValues.IsNullOrEmpty(response.Headers.ContentEncoding)
        && response.Headers.SetCookie.Count == 0
        && MediaTypeHeaderValue.TryParse(response.ContentType, out var type)
        && CompressionExtensions.CompressibleTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase);

    private static byte[] CompressWithBrotli(ReadOnlySpan<byte> page)
    {
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(page.Length)];
        if (!BrotliEncoder.TryCompress(page, compressed, out var written, quality: 11, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress the page.");
        }

        return compressed[..written];
    }

    private static byte[] CompressWithGzip(ReadOnlySpan<byte> page)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(page);
        }

        return compressed.ToArray();
    }

    /// <summary>A strong validator from the bytes sent, so each encoding of each version has its own.</summary>
    private static string EntityTagOf(ReadOnlySpan<byte> body) =>
        $"\"{Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 16))}\"";
}
