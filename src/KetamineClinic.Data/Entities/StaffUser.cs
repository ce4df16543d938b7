using Microsoft.AspNetCore.Identity;

namespace KetamineClinic.Data.Entities;

public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";

    public static readonly IReadOnlyList<string> All = [Admin, Staff];
}
