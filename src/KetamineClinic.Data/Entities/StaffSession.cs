namespace KetamineClinic.Data.Entities;

/// <summary>
/// A signed-in staff session. The sign-in cookie carries only the session's key; the ticket lives here, so
/// signing out (deleting the row) ends the cookie and every copy of it, on every instance sharing the database.
/// </summary>
public sealed class StaffSession
{
    /// <summary>The SHA-256 of the key in the cookie (hex), so a copy of the database cannot be turned into a cookie.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The serialized authentication ticket, as Data Protection ciphertext.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>When the session ends if it is not used (the idle timeout, moved on by each use).</summary>
    public DateTime IdleExpiresAt { get; set; }

    /// <summary>When the session ends whatever the activity (<c>Staff:SessionMaxHours</c> after sign-in).</summary>
    public DateTime ExpiresAt { get; set; }
}
