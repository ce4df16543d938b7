using System.Text.Json.Nodes;
using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Web.Features.Articles;

public sealed record ArticleListViewModel(IReadOnlyList<ContentDocument> Articles, IReadOnlyList<string> Tags, string? SelectedTag);

public sealed record ArticleViewModel(ContentDocument Article, IReadOnlyList<ContentDocument> Related, JsonObject StructuredData)
{
    public TeamMember? Author { get; init; }
    public TeamMember? Reviewer { get; init; }
}

public sealed record ContentPageViewModel(ContentDocument Page, JsonObject? StructuredData);
