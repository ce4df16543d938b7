using AngleSharp.Dom;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Articles;

namespace KetamineClinic.IntegrationTests.Articles;

/// <summary>The clinic's course timeline, from Clinic:Course, where the treatment page and the course article mark it.</summary>
public sealed class CourseTimelineTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static IElement Timeline(IDocument page) => Assert.Single(page.QuerySelectorAll(".prose .course-timeline"));

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("/treatment")]
    [InlineData("/articles/what-a-treatment-course-looks-like")]
    public async Task The_timeline_shows_the_sample_course_where_the_page_marks_it(string url)
    {
        var page = await app.CreateClient().GetDocumentAsync(url);

        var text = Text(Timeline(page));
        Assert.Contains("First series: 6 sessions over 2 to 3 weeks, about 2 to 3 a week.", text, StringComparison.Ordinal);
        Assert.Contains("after the first 2 to 4 sessions", text, StringComparison.Ordinal);
        Assert.Contains("Boosters: Some people come back later for a booster session", text, StringComparison.Ordinal);
        Assert.Contains("Each visit: about 2 hours", text, StringComparison.Ordinal);
        Assert.Contains("about 40 to 60 minutes", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentRenderer.CourseTimelinePlaceholder, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clinics_own_settings_change_the_timeline_and_the_markdown_repeats_none_of_it()
    {
        using var custom = new ClinicAppFactory();
        custom.Settings["Clinic:Course:Sessions"] = "8";
        custom.Settings["Clinic:Course:Weeks:Min"] = "4";
        custom.Settings["Clinic:Course:Weeks:Max"] = "4";
        custom.Settings["Clinic:Course:SessionsPerWeek:Min"] = "2";
        custom.Settings["Clinic:Course:SessionsPerWeek:Max"] = "2";
        custom.Settings["Clinic:Course:ReviewAfterSessions:Min"] = "3";
        custom.Settings["Clinic:Course:ReviewAfterSessions:Max"] = "3";
        custom.Settings["Clinic:Course:Boosters"] = "Booked one at a time, only when you ask.";
        custom.Settings["Clinic:Course:MedicineMinutes:Min"] = "45";
        custom.Settings["Clinic:Course:MedicineMinutes:Max"] = "45";
        custom.Settings["Clinic:Course:VisitMinutes"] = "150";
        var client = custom.CreateClient();

        foreach (var url in new[] { "/treatment", "/articles/what-a-treatment-course-looks-like" })
        {
            var page = await client.GetDocumentAsync(url);
            var timeline = Timeline(page);
            var text = Text(timeline);
            Assert.Contains("First series: 8 sessions over 4 weeks, about 2 a week.", text, StringComparison.Ordinal);
            Assert.Contains("after the first 3 sessions", text, StringComparison.Ordinal);
            Assert.Contains("Boosters: Booked one at a time, only when you ask.", text, StringComparison.Ordinal);
            Assert.Contains("Each visit: about 2½ hours", text, StringComparison.Ordinal);
            Assert.Contains("about 45 minutes", text, StringComparison.Ordinal);

            // The sample numbers appear nowhere else on the page, so the prose cannot contradict the settings.
            timeline.Remove();
            var rest = Text(page.QuerySelector("main")!);
            Assert.DoesNotContain("6 sessions", rest, StringComparison.Ordinal);
            Assert.DoesNotContain("2 to 3 weeks", rest, StringComparison.Ordinal);
            Assert.DoesNotContain("40 to 60 minutes", rest, StringComparison.Ordinal);
            Assert.DoesNotContain("2 hours", rest.Replace("at least 2 hours of monitoring", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
