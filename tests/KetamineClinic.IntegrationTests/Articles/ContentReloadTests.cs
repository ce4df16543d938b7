using System.Net;
using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Articles;

/// <summary>The app on its own temporary content folder, to change files under it.</summary>
public sealed class ContentReloadTests : IDisposable
{
    private readonly string _content = Path.Combine(Path.GetTempPath(), "ketamineclinic-content", Guid.NewGuid().ToString("N"));

    public ContentReloadTests() => Directory.CreateDirectory(Path.Combine(_content, "articles"));

    private void WriteArticle(string file, string title) =>
        File.WriteAllText(Path.Combine(_content, "articles", file), $"---\ntitle: \"{title}\"\ndescription: \"A test article.\"\nkeyPoints: [\"One point.\", \"Another point.\"]\n---\n\n## Section\n\nText.\n");

    private ClinicAppFactory CreateApp(string environment)
    {
        var app = new ClinicAppFactory { EnvironmentName = environment };
        app.Settings["Content:Path"] = _content;
        return app;
    }

    [Fact]
    public async Task In_development_an_edited_article_is_shown_without_a_restart()
    {
        WriteArticle("editable.md", "Before the edit");
        using var app = CreateApp("Development");
        var client = app.CreateClient();
        Assert.Equal("Before the edit", (await client.GetDocumentAsync("/articles/editable")).QuerySelector("h1")!.TextContent);

        WriteArticle("editable.md", "After the edit");

        var title = "";
        for (var attempt = 0; attempt < 50 && title != "After the edit"; attempt++)
        {
            await Task.Delay(100);
            title = (await client.GetDocumentAsync("/articles/editable")).QuerySelector("h1")!.TextContent;
        }

        Assert.Equal("After the edit", title);
    }

    [Fact]
    public async Task In_development_an_edit_also_replaces_the_cached_compressed_copies()
    {
        WriteArticle("compressed.md", "Before the edit");
        using var app = CreateApp("Development");
        var client = app.CreateClient();
        Assert.Contains("Before the edit", await GetBrotliPageAsync(client, "/articles/compressed"), StringComparison.Ordinal);

        WriteArticle("compressed.md", "After the edit");

        var page = "";
        for (var attempt = 0; attempt < 50 && !page.Contains("After the edit", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            page = await GetBrotliPageAsync(client, "/articles/compressed");
        }

        Assert.Contains("After the edit", page, StringComparison.Ordinal);
    }

    private static async Task<string> GetBrotliPageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var response = await client.SendAsync(request);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        return System.Text.Encoding.UTF8.GetString(ContentEncodings.Decode(await response.Content.ReadAsByteArrayAsync(), "br"));
    }

    [Fact]
    public async Task A_broken_file_is_skipped_and_the_rest_of_the_site_stays_up()
    {
        WriteArticle("good.md", "A good article");
        File.WriteAllText(Path.Combine(_content, "articles", "broken.md"), "---\ntitle: [unclosed\n---\n\nText.\n");
        using var app = CreateApp("Production");
        var client = app.CreateClient();

        var list = await client.GetDocumentAsync("/articles");
        Assert.Equal(["A good article"], list.QuerySelectorAll(".article-list .card h2").Select(h => h.TextContent.Trim()));
        using var broken = await client.GetAsync("/articles/broken");
        Assert.Equal(HttpStatusCode.NotFound, broken.StatusCode);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_content, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }
}
