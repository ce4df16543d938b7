using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace KetamineClinic.Web.Hosting;

/// <summary>
/// Finds a controller's views in the folder of its namespace, e.g. a controller in
/// <c>KetamineClinic.Web.Features.Staff.Requests</c> renders <c>/Features/Staff/Requests/{view}.cshtml</c>.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string NamespacePrefix = "KetamineClinic.Web.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            if (ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
            {
                context.Values[FeatureKey] = "/" + ns[NamespacePrefix.Length..].Replace('.', '/');
            }
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var folder) && folder is not null)
        {
            yield return folder + "/{0}.cshtml";
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }
}
