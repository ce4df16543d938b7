using KetamineClinic.Web.Hosting;

namespace KetamineClinic.Tests.Hosting;

public sealed class CachedPageCompressionTests
{
    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=1.0, gzip;q=0.8, *;q=0.1", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("GZIP, deflate", "gzip")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    [InlineData("deflate", "identity")]
    [InlineData("identity", "identity")]
    [InlineData("gzip;q=0, br;q=0", "identity")]
    [InlineData("", "identity")]
    [InlineData(null, "identity")]
    public void The_encoding_chosen_is_the_best_one_the_request_accepts(string? acceptEncoding, string expected) =>
        Assert.Equal(expected, CachedPageCompression.ChooseEncoding(acceptEncoding));

    [Fact]
    public void Accept_encoding_sent_on_several_lines_counts_as_one_list() =>
        Assert.Equal("gzip", CachedPageCompression.ChooseEncoding(new(["deflate", "gzip"])));
}
