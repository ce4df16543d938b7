using System.IO.Compression;

namespace KetamineClinic.IntegrationTests.Infrastructure;

public static class ContentEncodings
{
    /// <summary>A body as the server meant it: decompressed from the Content-Encoding it was sent in.</summary>
    public static byte[] Decode(byte[] body, string? contentEncoding)
    {
        if (contentEncoding is null)
        {
            return body;
        }

        using var input = new MemoryStream(body);
        using Stream decoder = contentEncoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Unexpected Content-Encoding {contentEncoding}"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
