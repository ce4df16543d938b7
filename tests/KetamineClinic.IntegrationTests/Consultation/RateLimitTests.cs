using System.Net;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class RateLimitTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();

    public RateLimitTests()
    {
        _factory.Settings["Consultation:RateLimit:PermitLimit"] = "2";
        _factory.Settings["Consultation:RateLimit:WindowSeconds"] = "600";
    }

    [Fact]
    public async Task Posts_over_the_limit_get_429_with_the_friendly_page_and_are_not_stored()
    {
        using var client = _factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();

        using var first = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields());
        using var second = await client.PostFormAsync(await client.OpenFormAsync(), ConsultationFormPoster.ValidFields());
        using var third = await client.PostFormAsync(await client.OpenFormAsync(), ConsultationFormPoster.ValidFields());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var page = await third.ReadDocumentAsync();
        Assert.Equal("Please wait a moment", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='tel:+13125550147']"));
        await using var scope = _factory.CreateDbScope();
        Assert.Equal(2, await scope.Db.ConsultationRequests.CountAsync());

        using var form = await client.GetAsync("/consultation");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
