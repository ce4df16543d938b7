using System.Net;
using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Foundation;

/// <summary>Uptime monitors and link checkers ask with HEAD; every page answers it as it answers GET.</summary>
public sealed class HeadRequestTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/articles/how-ketamine-works")]
    [InlineData("/faq")]
    [InlineData("/consultation")]
    [InlineData("/self-check")]
    [InlineData("/sitemap.xml")]
    [InlineData("/healthz")]
    [InlineData("/articles/no-such-article")]
    public async Task Head_gets_the_status_and_content_type_of_get(string path)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_on_a_staff_page_is_sent_to_the_sign_in_page()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/staff/requests"));

        Assert.Equal(HttpStatusCode.Redirect, head.StatusCode);
        Assert.StartsWith("/staff/login", head.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
