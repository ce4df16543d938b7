using System.ComponentModel.DataAnnotations;

namespace KetamineClinic.Web.Features.Staff.Retention;

/// <summary>How long closed requests are kept. Bound from the <c>Retention</c> section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days after its last change that a Closed or Not-a-candidate request is deleted.</summary>
    [Range(30, 3650, ErrorMessage = "Retention:Days must be between 30 and 3650.")]
    public int Days { get; set; } = 365;

    /// <summary>Time between two clean-up passes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Retention:Interval must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}
