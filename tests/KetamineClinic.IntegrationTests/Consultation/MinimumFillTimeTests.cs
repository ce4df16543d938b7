using System.Net;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class MinimumFillTimeTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();

    public MinimumFillTimeTests() => _factory.Settings["Consultation:MinimumFillSeconds"] = "2";

    [Fact]
    public async Task A_form_sent_faster_than_the_minimum_fill_time_looks_accepted_but_is_not_stored()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.SubmitAsync(ConsultationFormPoster.ValidFields());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.StartsWith("Thank you", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=reference]"));
        await using var scope = _factory.CreateDbScope();
        Assert.Equal(0, await scope.Db.ConsultationRequests.CountAsync());
    }

    [Fact]
    public async Task A_form_sent_after_the_minimum_fill_time_is_stored()
    {
        using var client = _factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        using var response = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields());

        var reference = ConsultationFormPoster.ReferenceFrom(response);
        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Reference == reference));
    }

    public void Dispose() => _factory.Dispose();
}
