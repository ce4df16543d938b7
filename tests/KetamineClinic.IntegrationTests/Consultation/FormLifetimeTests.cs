using System.Net;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Consultation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class FormLifetimeTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public FormLifetimeTests() => _factory.ServiceOverrides = services => services.AddSingleton<TimeProvider>(_time);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_form_opened_hours_ago_comes_back_with_what_was_typed_and_is_stored_when_sent_again()
    {
        using var client = _factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();
        _time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        using var expired = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields("Worry that will not stop."));
        var page = await expired.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Contains(ConsultationController.ExpiredMessage, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Worry that will not stop.", page.QuerySelector("#HelpWith")!.TextContent.Trim());
        await using (var scope = _factory.CreateDbScope())
        {
            Assert.Equal(0, await scope.Db.ConsultationRequests.CountAsync());
        }

        // The page it came back on carries a fresh start time: sent from there, the request is stored.
        using var again = await client.PostFormAsync(ConsultationFormPoster.HiddenFields(page), ConsultationFormPoster.ValidFields("Worry that will not stop."));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var check = _factory.CreateDbScope();
        Assert.Equal(1, await check.Db.ConsultationRequests.CountAsync());
    }

    [Fact]
    public async Task A_form_sent_within_its_lifetime_is_stored()
    {
        using var client = _factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();
        _time.Advance(TimeSpan.FromHours(3));

        using var response = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
