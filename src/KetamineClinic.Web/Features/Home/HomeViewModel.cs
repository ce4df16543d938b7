using System.Text.Json.Nodes;
using KetamineClinic.Web.Features.Articles;

namespace KetamineClinic.Web.Features.Home;

public sealed record HomeViewModel(IReadOnlyList<ContentDocument> Featured, JsonObject StructuredData);
