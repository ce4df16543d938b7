using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.SelfCheck;

public sealed class SelfCheckTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, params string?[] answers)
    {
        var form = await client.GetDocumentAsync("/self-check");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", form.AntiforgeryToken()) };
        for (var i = 0; i < answers.Length; i++)
        {
            if (answers[i] is { } answer)
            {
                fields.Add(new($"Answers[{i}]", answer));
            }
        }

        return await client.PostAsync("/self-check", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_form_has_seven_labelled_questions_of_four_answers()
    {
        var document = await app.CreateClient().GetDocumentAsync("/self-check");

        var fieldsets = document.QuerySelectorAll("form.self-check fieldset");
        Assert.Equal(7, fieldsets.Length);
        foreach (var fieldset in fieldsets)
        {
            Assert.NotNull(fieldset.QuerySelector("legend"));
            var radios = fieldset.QuerySelectorAll("input[type=radio]");
            Assert.Equal(4, radios.Length);
            Assert.All(radios, r => Assert.NotNull(fieldset.QuerySelector($"label[for='{r.Id}']")));
        }
    }

    [Fact]
    public async Task Complete_answers_show_the_score_band_and_crisis_line_and_store_nothing()
    {
        var client = app.CreateClient();
        using var response = await PostAsync(client, "2", "2", "1", "2", "1", "2", "1");

        var document = await response.ReadDocumentAsync();
        Assert.Equal("11", document.QuerySelector("[data-testid=score]")!.TextContent);
        Assert.Equal("moderate", document.QuerySelector("[data-testid=band]")!.TextContent);
        Assert.Contains("not a diagnosis", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // A moderate score: the footer's calm line only; the prominent crisis block is for a severe score.
        Assert.Null(document.QuerySelector("main a[href='tel:988']"));
        Assert.NotNull(document.QuerySelector("footer a[href='tel:988']"));
        Assert.NotNull(document.QuerySelector("main a[href='/consultation']"));
        var bands = document.QuerySelectorAll(".score-band").Select(b => b.TextContent.Trim().Split(null as char[], StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal([["minimal", "0–4"], ["mild", "5–9"], ["moderate", "10–14"], ["severe", "15–21"]], bands);
        Assert.Equal("moderate", document.QuerySelector(".score-band.is-current .score-band-name")!.TextContent);
        Assert.Equal("11", document.QuerySelector(".score-marker")!.GetAttribute("data-score"));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        await using var scope = app.CreateDbScope();
        Assert.Equal(0, await scope.Db.ConsultationRequests.CountAsync());
        Assert.Equal(0, await scope.Db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_severe_score_shows_the_crisis_block_with_988_and_911()
    {
        using var response = await PostAsync(app.CreateClient(), "3", "3", "3", "2", "2", "2", "2");

        var document = await response.ReadDocumentAsync();
        Assert.Equal("severe", document.QuerySelector("[data-testid=band]")!.TextContent);
        var crisis = document.QuerySelector("main .crisis-resources")!;
        Assert.NotNull(crisis.QuerySelector("a[href='tel:988']"));
        Assert.NotNull(crisis.QuerySelector("a[href='tel:911']"));
        Assert.Equal("17", document.QuerySelector(".score-marker")!.GetAttribute("data-score"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    public async Task Where_the_result_mentions_ketamine_it_says_the_use_for_anxiety_is_off_label(string answer)
    {
        using var response = await PostAsync(app.CreateClient(), answer, answer, answer, answer, answer, answer, answer);

        var document = await response.ReadDocumentAsync();
        var mentions = document.QuerySelectorAll("main p").Where(p => p.TextContent.Contains("ketamine", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, p => Assert.Contains("off-label", p.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_answer_shows_the_form_again_with_a_message_for_that_question()
    {
        var client = app.CreateClient();
        using var response = await PostAsync(client, "0", "1", null, "3", "0", "1", "2");

        var document = await response.ReadDocumentAsync();
        Assert.Null(document.QuerySelector("[data-testid=score]"));
        var summaryLink = Assert.Single(document.QuerySelectorAll(".error-summary a"));
        Assert.Equal("#q2-0", summaryLink.GetAttribute("href"));
        Assert.True(document.QuerySelector(".error-summary")!.HasAttribute("autofocus"));
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
        var third = document.QuerySelectorAll("fieldset")[2];
        Assert.Equal("true", third.GetAttribute("aria-invalid"));
        Assert.Contains("Worrying too much", third.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#q0-0[checked]"));
    }

    [Fact]
    public async Task Out_of_range_or_junk_answers_are_treated_as_missing_not_as_errors()
    {
        var client = app.CreateClient();
        using var response = await PostAsync(client, "9", "abc", "<script>", "1", "1", "1", "1");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Equal(3, document.QuerySelectorAll(".error-summary li").Length);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_not_scored_and_says_why()
    {
        using var response = await app.CreateClient().PostAsync("/self-check",
            new FormUrlEncodedContent([.. Enumerable.Range(0, 7).Select(i => new KeyValuePair<string, string>($"Answers[{i}]", "1"))]));
        var page = await response.ReadDocumentAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("[data-testid=score]"));
        Assert.Contains("cookies are turned off", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_cookies_turned_off_the_answers_come_back_checked_with_a_line_saying_why()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });

        using var response = await PostAsync(client, "1", "2", "3", "0", "1", "2", "3");
        var page = await response.ReadDocumentAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cookies are turned off", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=score]"));
        Assert.True(page.QuerySelector("#q2-3")!.HasAttribute("checked"));
    }
}
