using System.Globalization;
using System.Text.Json.Nodes;
using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>schema.org descriptions of articles and the FAQ, for search engines.</summary>
public static class StructuredData
{
    public static JsonObject Article(ContentDocument article, ClinicOptions clinic, string origin)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(clinic);
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["url"] = origin + article.Path,
            ["headline"] = article.Title,
            ["name"] = article.Title,
            ["description"] = article.Description,
            ["inLanguage"] = "en-US",
            ["keywords"] = new JsonArray([.. article.Tags.Select(t => JsonValue.Create(t))]),
            ["wordCount"] = article.WordCount,
            ["publisher"] = new JsonObject { ["@type"] = "MedicalClinic", ["name"] = clinic.Name, ["url"] = origin + "/" },
        };
        if (article.Published is { } published)
        {
            data["datePublished"] = Iso(published);
        }

        if (article.LastModified is { } modified)
        {
            data["dateModified"] = Iso(modified);
            data["lastReviewed"] = Iso(modified);
        }

        if (clinic.FindTeamMember(article.Author) is { } author)
        {
            data["author"] = Person(author, origin);
        }

        if (clinic.FindTeamMember(article.ReviewedBy) is { } reviewer)
        {
            data["reviewedBy"] = Person(reviewer, origin);
        }

        return data;
    }

    private static JsonObject Person(TeamMember member, string origin) => new()
    {
        ["@type"] = "Person",
        ["name"] = member.Name,
        ["honorificSuffix"] = member.Credentials,
        ["jobTitle"] = member.Role,
        ["url"] = $"{origin}{Team.TeamController.Path}#{member.Id}",
    };

    public static JsonObject Faq(ContentDocument faq)
    {
        ArgumentNullException.ThrowIfNull(faq);
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "FAQPage",
            ["mainEntity"] = new JsonArray([.. faq.Questions.Select(q => (JsonNode)new JsonObject
            {
                ["@type"] = "Question",
                ["name"] = q.Question,
                ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = q.AnswerText },
            })]),
        };
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
