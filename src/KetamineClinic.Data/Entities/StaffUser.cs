using Microsoft.AspNetCore.Identity;

namespace KetamineClinic.Data.Entities;

public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The authenticator time step (30-second window since 1970) of the last code accepted, so no code is accepted twice.</summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";

    public static readonly IReadOnlyList<string> All = [Admin, Staff];
}
