using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.WebUtilities;

namespace KetamineClinic.Web.Forms;

/// <summary>
/// A public form's POST that never ends on an error page: a post the browser sent in a way the framework would refuse
/// — a null character in a field (the form reader rejects the whole post) or no antiforgery cookie (cookies turned
/// off) — still reaches the action, which gives the form back with what was typed and says what to do
/// (<see cref="FormProblems"/>). Nothing of such a post is stored. It is the action's antiforgery check: the token
/// is still required, and a post without a valid one is only ever shown the form again.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ForgivingFormPostAttribute : Attribute, IAsyncResourceFilter, IAntiforgeryPolicy, IOrderedFilter
{
    /// <summary>The antiforgery attributes' own order: on the action it is then the closest policy, so theirs stands aside.</summary>
    public int Order => 1000;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        IReadOnlyList<string> cleaned = [];
        if (http.Request.HasFormContentType)
        {
            // The size and form limits are already applied (they are authorization filters, which run first).
            http.Request.EnableBuffering();
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                var removed = await NullCharactersRemovedAsync(http, context.ActionDescriptor.EndpointMetadata);
                if (removed is null)
                {
                    // Refused for another reason, such as a form limit: it stays refused, as the framework refuses it.
                    context.Result = new BadRequestResult();
                    return;
                }

                cleaned = removed;
            }
        }

        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var forged = HttpMethods.IsPost(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http);
        http.Features.Set(new FormProblems(cleaned, forged));
        await next();
    }

    /// <summary>
    /// When the form reader refused the post for null characters, reads it again without them — as the framework
    /// would, with the action's form limits — and returns the fields that had one; null when the post has none
    /// (then it was refused for another reason, such as a limit, and stays refused).
    /// </summary>
    private static async Task<IReadOnlyList<string>?> NullCharactersRemovedAsync(HttpContext http, IList<object> metadata)
    {
        http.Request.Body.Position = 0;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        var fields = text.Split('&')
            .Select(pair => (Key: pair.Split('=')[0], Value: pair.Contains('=', StringComparison.Ordinal) ? pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..] : ""))
            .Where(pair => HasNullCharacter(pair.Value) || HasNullCharacter(pair.Key))
            .Select(pair => Decode(RemoveNullCharacters(pair.Key)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (fields.Count == 0)
        {
            return null;
        }

        var limits = metadata.OfType<RequestFormLimitsAttribute>().LastOrDefault();
        using var cleaned = new FormReader(RemoveNullCharacters(text))
        {
            ValueCountLimit = limits?.ValueCountLimit ?? FormReader.DefaultValueCountLimit,
            KeyLengthLimit = limits?.KeyLengthLimit ?? FormReader.DefaultKeyLengthLimit,
            ValueLengthLimit = limits?.ValueLengthLimit ?? FormReader.DefaultValueLengthLimit,
        };
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(await cleaned.ReadFormAsync(http.RequestAborted))));
        return fields;
    }

    private static bool HasNullCharacter(string encoded) =>
        encoded.Contains("%00", StringComparison.Ordinal) || encoded.Contains('\0', StringComparison.Ordinal);

    private static string RemoveNullCharacters(string encoded) =>
        encoded.Replace("%00", "", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal);

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));
}

/// <summary>What <see cref="ForgivingFormPostAttribute"/> found wrong with a post, for the action to say.</summary>
public sealed record FormProblems(IReadOnlyList<string> FieldsWithNullCharacters, bool AntiforgeryFailed)
{
    public const string CouldNotCheck =
        "We could not check that this form was sent from this site, so nothing was sent. This usually means cookies are turned off for this site: allow them and send the form again, or call us.";

    public const string NullCharacterRemoved =
        "This contained an invisible character we cannot accept, so we removed it. Check what you typed and send the form again.";

    public static FormProblems Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<FormProblems>() ?? new FormProblems([], false);
    }

    public bool Any => AntiforgeryFailed || FieldsWithNullCharacters.Count > 0;

    /// <summary>The problems as the error summary lists them, each field's also set on the field itself.</summary>
    public IReadOnlyList<FieldError> Describe(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var errors = new List<FieldError>();
        if (AntiforgeryFailed)
        {
            errors.Add(new FieldError(null, CouldNotCheck));
        }

        foreach (var field in FieldsWithNullCharacters)
        {
            modelState.AddModelError(field, NullCharacterRemoved);
            errors.Add(new FieldError(field, NullCharacterRemoved));
        }

        return errors;
    }
}
