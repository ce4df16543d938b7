using System.Globalization;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Clinic;

/// <summary>
/// The clinic's usual course of treatment, shown as a timeline on the treatment page and the course article.
/// The clinic decides these numbers, not the articles. Bound from <c>Clinic:Course</c>.
/// </summary>
public sealed class TreatmentCourseOptions
{
    public const string Section = "Clinic:Course";

    /// <summary>Sessions in the first series, e.g. 6.</summary>
    public int Sessions { get; set; }

    /// <summary>How many weeks the first series takes, e.g. 2 to 3.</summary>
    public CountRange Weeks { get; set; } = new();

    /// <summary>How often sessions come during the first series, e.g. 2 to 3 a week.</summary>
    public CountRange SessionsPerWeek { get; set; } = new();

    /// <summary>After how many sessions the patient and provider judge together whether it helps, e.g. 2 to 4.</summary>
    public CountRange ReviewAfterSessions { get; set; } = new();

    /// <summary>Completes "Boosters:", e.g. "some people come back for a booster session later …".</summary>
    public string Boosters { get; set; } = "";

    /// <summary>How long the medicine itself usually takes, e.g. 40 to 60 minutes.</summary>
    public CountRange MedicineMinutes { get; set; } = new();

    /// <summary>How long a whole visit usually lasts, rest and observation included, e.g. 120.</summary>
    public int VisitMinutes { get; set; }

    /// <summary>"2 hours", "1½ hours", "45 minutes".</summary>
    public string VisitLength => VisitMinutes switch
    {
        60 => "1 hour",
        >= 60 when VisitMinutes % 60 == 0 => $"{VisitMinutes / 60} hours",
        > 60 when VisitMinutes % 30 == 0 => $"{VisitMinutes / 60}½ hours",
        _ => $"{VisitMinutes} minutes",
    };
}

/// <summary>A whole number or a span of them, as the clinic says it: "2 to 3".</summary>
public sealed class CountRange
{
    public int Min { get; set; }
    public int Max { get; set; }

    public override string ToString() => Min == Max
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min} to {Max}");

    /// <summary>"2 to 3 weeks", "1 week".</summary>
    public string Of(string noun) => $"{this} {(Max == 1 ? noun : noun + "s")}";
}

/// <summary>Checks <c>Clinic:Course</c> at start-up; each failure names its full key.</summary>
public sealed class TreatmentCourseOptionsValidator : IValidateOptions<TreatmentCourseOptions>
{
    private const string S = TreatmentCourseOptions.Section;
    private const int MaxBoostersLength = 300;

    public ValidateOptionsResult Validate(string? name, TreatmentCourseOptions options)
    {
        var failures = new List<string>();
        void Between(int value, int min, int max, string key)
        {
            if (value < min || value > max)
            {
                failures.Add($"{S}:{key} must be between {min} and {max}, but is {value}.");
            }
        }

        void RangeWithin(CountRange range, int min, int max, string key)
        {
            Between(range.Min, min, max, key + ":Min");
            if (range.Min >= min && range.Min <= max)
            {
                Between(range.Max, range.Min, max, key + ":Max");
            }
        }

        Between(options.Sessions, 1, 30, nameof(options.Sessions));
        RangeWithin(options.Weeks, 1, 52, nameof(options.Weeks));
        RangeWithin(options.SessionsPerWeek, 1, 7, nameof(options.SessionsPerWeek));
        RangeWithin(options.ReviewAfterSessions, 1, Math.Max(options.Sessions, 1), nameof(options.ReviewAfterSessions));
        Between(options.VisitMinutes, 15, 480, nameof(options.VisitMinutes));
        RangeWithin(options.MedicineMinutes, 1, Math.Max(options.VisitMinutes, 1), nameof(options.MedicineMinutes));

        if (string.IsNullOrWhiteSpace(options.Boosters))
        {
            failures.Add($"{S}:Boosters is required.");
        }
        else if (options.Boosters.Length > MaxBoostersLength)
        {
            failures.Add($"{S}:Boosters must be at most {MaxBoostersLength} characters, but has {options.Boosters.Length}.");
        }

        if (failures.Count == 0)
        {
            var most = options.SessionsPerWeek.Max * options.Weeks.Max;
            var fewest = options.SessionsPerWeek.Min * options.Weeks.Min;
            if (options.Sessions > most)
            {
                failures.Add($"{S}:Sessions ({options.Sessions}) do not fit in {S}:Weeks:Max ({options.Weeks.Max}) at {S}:SessionsPerWeek:Max ({options.SessionsPerWeek.Max}) a week.");
            }
            else if (options.Sessions < fewest)
            {
                failures.Add($"{S}:Sessions ({options.Sessions}) are fewer than {S}:Weeks:Min ({options.Weeks.Min}) at {S}:SessionsPerWeek:Min ({options.SessionsPerWeek.Min}) a week would give.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
