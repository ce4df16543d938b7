namespace KetamineClinic.Data.Entities;

/// <summary>One row of the append-only audit log: who did what, to which record, when and from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>Staff user id, or null for the system (background jobs) and anonymous sign-in attempts.</summary>
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }

    /// <summary>A stable action name, e.g. <c>request.viewed</c> or <c>signin.failed</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What the action touched, e.g. <c>ConsultationRequest/42</c>.</summary>
    public string? Subject { get; set; }

    /// <summary>Short, non-clinical detail such as "New → Contacted".</summary>
    public string? Details { get; set; }
    public string? IpHash { get; set; }
}
