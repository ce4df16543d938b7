using System.Net;
using KetamineClinic.Testing;

namespace KetamineClinic.IntegrationTests.Security;

/// <summary>The app as a real process on 127.0.0.1, where the framework would trust X-Forwarded-For by default.</summary>
public sealed class ForwardedHeadersTests
{
    private static async Task<List<HttpStatusCode>> PostSignInsAsync(AppProcess app, int count)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/login") { Content = new FormUrlEncodedContent([]) };
            // A different client address on every attempt, as someone escaping a per-address limit would claim.
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await client.SendAsync(request);
            codes.Add(response.StatusCode);
        }

        return codes;
    }

    [Fact]
    public async Task With_no_proxy_configured_a_forwarded_address_is_ignored_even_from_loopback()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["Staff__LoginAttemptsPerMinute"] = "3" });

        var codes = await PostSignInsAsync(app, 5);

        Assert.True(codes.Take(3).All(c => c != HttpStatusCode.TooManyRequests), string.Join(",", codes));
        Assert.True(codes.Skip(3).All(c => c == HttpStatusCode.TooManyRequests), string.Join(",", codes));
    }

    [Fact]
    public async Task A_configured_proxy_is_trusted_for_the_client_address()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Staff__LoginAttemptsPerMinute"] = "3",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        });

        var codes = await PostSignInsAsync(app, 5);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, codes);
    }
}
