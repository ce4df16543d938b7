using System.Net;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class ErrorPageTests(ErrorPageTests.ThrowingAppFactory app) : IClassFixture<ErrorPageTests.ThrowingAppFactory>
{
    [Fact]
    public async Task Unknown_address_shows_a_friendly_404_with_the_phone_number()
    {
        using var response = await app.CreateClient().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Equal("We couldn’t find that page", document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(document.QuerySelector("main a[href='tel:+13125550147']"));
        Assert.NotNull(document.QuerySelector("main a[href='/articles']"));
    }

    [Fact]
    public async Task An_exception_outside_development_shows_the_error_page_without_a_stack_trace()
    {
        using var response = await app.CreateClient().GetAsync("/__test/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var document = await response.ReadDocumentAsync();
        Assert.Equal("Something went wrong on our side", document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(document.QuerySelector("main a[href='tel:+13125550147']"));
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Boom from the test", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_no_server_header()
    {
        using var response = await app.CreateClient().GetAsync("/");
        Assert.False(response.Headers.Contains("Server"));
    }

    public sealed class ThrowingAppFactory : ClinicAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        }
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, Func<Task> nextMiddleware) =>
                context.Request.Path == "/__test/throw"
                    ? throw new InvalidOperationException("Boom from the test")
                    : nextMiddleware());
        };
    }
}
