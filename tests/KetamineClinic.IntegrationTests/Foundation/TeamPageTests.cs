using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class TeamPageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task The_team_page_shows_each_configured_member_with_credentials_role_photo_and_bio()
    {
        using var custom = new ClinicAppFactory();
        custom.Settings["Clinic:Team:0:Id"] = "medical-director";
        custom.Settings["Clinic:Team:0:Name"] = "Dr. Rowan Test";
        custom.Settings["Clinic:Team:0:Credentials"] = "MD";
        custom.Settings["Clinic:Team:0:Role"] = "Lead psychiatrist";
        custom.Settings["Clinic:Team:0:Photo"] = "";
        custom.Settings["Clinic:Team:0:Bio"] = "Rowan assesses every patient.";
        var document = await custom.CreateClient().GetDocumentAsync("/team");

        Assert.Equal("Our care team", document.QuerySelector("h1")!.TextContent);
        var members = document.QuerySelectorAll(".team-member");
        Assert.Equal(3, members.Length);
        var first = members[0];
        Assert.Equal("medical-director", first.Id);
        Assert.Equal("Dr. Rowan Test", first.QuerySelector("h2")!.TextContent);
        Assert.Equal("MD", first.QuerySelector(".team-credentials")!.TextContent);
        Assert.Equal("Lead psychiatrist", first.QuerySelector(".team-role")!.TextContent);
        Assert.Contains("Rowan assesses every patient.", first.TextContent, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("img"));
        Assert.Equal("/img/team/sample-nurse-practitioner.svg", members[1].QuerySelector("img")!.GetAttribute("src"));

        // Bylines read the member from configuration, so the article changes with it.
        var article = await custom.CreateClient().GetDocumentAsync("/articles/how-ketamine-works");
        Assert.Contains("Medically reviewed by Dr. Rowan Test, MD", article.QuerySelector(".byline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_team_and_links_it_from_the_team_section_and_the_trust_strip()
    {
        var document = await app.CreateClient().GetDocumentAsync("/");

        Assert.Equal(
            ["Avery Sample (fictional)", "Jordan Example (fictional)", "Sam Placeholder (fictional)"],
            document.QuerySelectorAll(".team-strip strong").Select(s => s.TextContent));
        Assert.NotNull(document.QuerySelector("#team-heading ~ p a[href='/team']"));
        Assert.Equal("Care led by a board-certified psychiatrist", document.QuerySelector(".trust-strip a[href='/team']")!.TextContent);
        Assert.NotNull(document.QuerySelector("footer a[href='/team']"));
    }

    [Fact]
    public void No_clinician_is_named_in_the_content_files_only_team_ids()
    {
        var ids = new[] { "medical-director", "nurse-practitioner", "therapist" };
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.StartsWith("author:", StringComparison.Ordinal) || l.StartsWith("reviewedBy:", StringComparison.Ordinal)))
            {
                Assert.Contains(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), ids);
            }
        }
    }

    [Fact]
    public async Task An_article_naming_someone_not_in_the_team_stops_start_up_with_one_line_naming_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("clinic-team-");
        try
        {
            var content = Directory.CreateDirectory(Path.Combine(directory.FullName, "content", "articles"));
            await File.WriteAllTextAsync(Path.Combine(content.FullName, "stray.md"), """
                ---
                title: "A stray article"
                description: "One sentence about it."
                author: "Dr. Someone Real, MD"
                keyPoints: ["The first point.", "The second point."]
                ---

                Some text.
                """);

            var (exitCode, _, stderr) = await AppCommand.RunAsync(
                directory.FullName, [], environment: new() { ["Content__Path"] = Path.Combine(directory.FullName, "content") });

            Assert.Equal(1, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Configuration error: " + Path.Combine("articles", "stray.md"), line, StringComparison.Ordinal);
            Assert.Contains("author 'Dr. Someone Real, MD' is not the id of anyone in Clinic:Team", line, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
