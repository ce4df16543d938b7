using System.Text.Json.Nodes;

namespace KetamineClinic.Web.Features.Articles;

public sealed record ArticleListViewModel(IReadOnlyList<ContentDocument> Articles, IReadOnlyList<string> Tags, string? SelectedTag);

public sealed record ArticleViewModel(ContentDocument Article, IReadOnlyList<ContentDocument> Related, JsonObject StructuredData);

public sealed record ContentPageViewModel(ContentDocument Page, JsonObject? StructuredData);
