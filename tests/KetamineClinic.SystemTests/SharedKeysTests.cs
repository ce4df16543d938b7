using System.Net;
using KetamineClinic.Testing;

namespace KetamineClinic.SystemTests;

/// <summary>Two app processes on one database, as behind a load balancer.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task An_antiforgery_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        var directory = Directory.CreateTempSubdirectory("clinic-two-instances-").FullName;
        try
        {
            await PostAcrossInstancesAsync(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task PostAcrossInstancesAsync(string directory)
    {
        await using var first = await AppProcess.StartAsync(directory: Path.Combine(directory, "a"),
            settings: new Dictionary<string, string> { ["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(directory, "shared.db")}" });
        await using var second = await AppProcess.StartAsync(directory: Path.Combine(directory, "b"),
            settings: new Dictionary<string, string> { ["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(directory, "shared.db")}" });

        using var fromFirst = new FormClient(first.BaseAddress);
        var fields = await fromFirst.GetFormFieldsAsync("/self-check");
        var answers = Enumerable.Range(0, 7).Select(i => KeyValuePair.Create($"Answers[{i}]", "1"));

        // Same cookie jar, other instance: cookies are per host, so copy the antiforgery cookie across.
        var cookies = new CookieContainer();
        foreach (Cookie cookie in fromFirst.Cookies.GetCookies(first.BaseAddress))
        {
            cookies.Add(second.BaseAddress, new Cookie(cookie.Name, cookie.Value));
        }

        using var toSecond = new FormClient(second.BaseAddress, cookies);
        using var accepted = await toSecond.PostAsync("/self-check", fields.Concat(answers));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        // And a token the two instances never issued is refused, so the test can tell the difference.
        var forged = fields.ToDictionary(f => f.Key, f => f.Key == "__RequestVerificationToken" ? "CfDJ8forged" : f.Value);
        using var refused = await toSecond.PostAsync("/self-check", forged.Concat(answers));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
