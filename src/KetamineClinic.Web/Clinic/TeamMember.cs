using System.Text.RegularExpressions;

namespace KetamineClinic.Web.Clinic;

/// <summary>A member of the care team: shown on <c>/team</c>, and named in article bylines by <see cref="Id"/>.</summary>
public sealed class TeamMember
{
    /// <summary>What content files write as <c>author:</c> or <c>reviewedBy:</c>, e.g. "medical-director".</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>e.g. "MD, board-certified psychiatrist".</summary>
    public string Credentials { get; set; } = "";

    /// <summary>What the member does at the clinic, e.g. "Medical director".</summary>
    public string Role { get; set; } = "";

    /// <summary>A path under wwwroot ("/img/team/…"); empty for no photo.</summary>
    public string Photo { get; set; } = "";

    public string Bio { get; set; } = "";

    /// <summary>"Avery Sample (fictional), MD, board-certified psychiatrist", as a byline names the member.</summary>
    public string NameWithCredentials => $"{Name}, {Credentials}";
}

/// <summary>Checks <c>Clinic:Team</c>; each failure names its full key.</summary>
public static partial class TeamValidation
{
    public const string Key = ClinicOptions.Section + ":Team";
    private const int MaxBioLength = 600;

    public static IEnumerable<string> Problems(IReadOnlyList<TeamMember> team, string webRoot)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (team.Count == 0)
        {
            yield return $"{Key} needs at least one member: articles name their author and reviewer from it.";
            yield break;
        }

        var firstIndexOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < team.Count; i++)
        {
            var member = team[i];
            var key = $"{Key}:{i}";
            var id = member.Id ?? "";
            if (!IdPattern().IsMatch(id))
            {
                yield return $"{key}:Id '{id}' must be lower-case letters, digits and single hyphens, e.g. medical-director.";
            }
            else if (firstIndexOfId.TryGetValue(id, out var first))
            {
                yield return $"{key}:Id '{id}' is already the id of {Key}:{first}; ids must be unique.";
            }
            else
            {
                firstIndexOfId[id] = i;
            }

            foreach (var (value, field) in new[] { (member.Name, nameof(member.Name)), (member.Credentials, nameof(member.Credentials)), (member.Role, nameof(member.Role)), (member.Bio, nameof(member.Bio)) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    yield return $"{key}:{field} is required.";
                }
            }

            if (member.Bio?.Length > MaxBioLength)
            {
                yield return $"{key}:Bio must be at most {MaxBioLength} characters, but has {member.Bio.Length}.";
            }

            if (!string.IsNullOrEmpty(member.Photo) && WebRootFile.Problem(webRoot, member.Photo) is { } photoProblem)
            {
                yield return $"{key}:Photo {photoProblem}";
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
