using System.ComponentModel.DataAnnotations;

namespace KetamineClinic.Web.Features.Staff;

/// <summary>Settings of the staff area. Bound from the <c>Staff</c> section.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 10000, ErrorMessage = "Staff:LoginAttemptsPerMinute must be between 1 and 10000.")]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a staff session lasts after sign-in, however active (the idle timeout ends it sooner).</summary>
    [Range(1, 168, ErrorMessage = "Staff:SessionMaxHours must be between 1 and 168.")]
    public int SessionMaxHours { get; set; } = 12;

    /// <summary>Every member must have a second factor: one without sets it up right after the password, before any staff page opens.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>
    /// Hours a new request may wait for its first contact before the queue marks it overdue: the clinic's own target
    /// behind the promise <c>Clinic:FirstResponseTime</c> makes to visitors in words.
    /// </summary>
    [Range(1, 720, ErrorMessage = "Staff:FirstResponseHours must be between 1 and 720.")]
    public int FirstResponseHours { get; set; } = 24;
}
