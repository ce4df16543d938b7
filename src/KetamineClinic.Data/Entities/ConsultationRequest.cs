using System.ComponentModel.DataAnnotations;

namespace KetamineClinic.Data.Entities;

/// <summary>A visitor's request to be contacted about a consultation: "a request" everywhere (docs/decisions/0004-vocabulary.md).</summary>
public sealed class ConsultationRequest
{
    public int Id { get; set; }

    /// <summary>Short, unguessable, human-friendly code shown to the visitor and used in logs.</summary>
    public required string Reference { get; set; }

    /// <summary>Token rendered into the form so that a re-post never creates a second request.</summary>
    public Guid IdempotencyKey { get; set; }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }

    /// <summary>E.164, e.g. +13125550147.</summary>
    public required string Phone { get; set; }

    public ContactMethod PreferredContact { get; set; }

    /// <summary>Two-letter US state or DC code.</summary>
    public required string State { get; set; }

    public string? BestTimeToReach { get; set; }
    public string? HeardAboutUs { get; set; }

    /// <summary>Free text; personal health information, encrypted at rest.</summary>
    public required string HelpWith { get; set; }

    /// <summary>Concerns, treatments tried and screening answers as JSON; personal health information, encrypted at rest.</summary>
    public required string HealthAnswers { get; set; }

    public bool IsAdultConfirmed { get; set; }
    public bool ConsentGiven { get; set; }

    public bool IsUrgent { get; set; }
    public RequestStatus Status { get; set; } = RequestStatus.New;

    public DateTime CreatedAt { get; set; }
    public DateTime? FirstContactedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>SHA-256 of the client address with a secret salt: enough to spot abuse, not to identify anyone.</summary>
    public string? SourceIpHash { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>The staff member who owns the request (follows it up), if anyone does; the name kept as it was then, like a note's author.</summary>
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }
    public DateTime? AssignedAt { get; set; }
    public string? AssignedByName { get; set; }

    /// <summary>Optimistic-concurrency token, replaced on every change (works the same on SQLite and SQL Server).</summary>
    public Guid Version { get; set; }

    public List<OutboxMessage> Emails { get; set; } = [];
    public List<RequestNote> Notes { get; set; } = [];
    public List<RequestStatusChange> StatusChanges { get; set; } = [];
    public List<ConsultationCall> Calls { get; set; } = [];

    /// <summary>
    /// Moves the request to <paramref name="status"/> and adds the change to its history. The person counts as
    /// contacted the first time it becomes Contacted or Scheduled: closing a request or turning it down is not contact.
    /// </summary>
    /// <summary>Gives the request to <paramref name="ownerId"/> (or to nobody, with null), saying who did it and when.</summary>
    public void AssignTo(string? ownerId, string? ownerName, string assignedByName, DateTime now)
    {
        AssignedToId = ownerId;
        AssignedToName = ownerId is null ? null : ownerName;
        AssignedAt = now;
        AssignedByName = assignedByName;
        UpdatedAt = now;
    }

    public RequestStatusChange MoveTo(RequestStatus status, string changedById, string changedByName, DateTime now)
    {
        var change = new RequestStatusChange
        {
            ConsultationRequestId = Id,
            From = Status,
            To = status,
            ChangedById = changedById,
            ChangedByName = changedByName,
            ChangedAt = now,
        };
        Status = status;
        UpdatedAt = now;
        if (status is RequestStatus.Contacted or RequestStatus.Scheduled && FirstContactedAt is null)
        {
            FirstContactedAt = now;
        }

        StatusChanges.Add(change);
        return change;
    }
}

public enum ContactMethod
{
    [Display(Name = "Phone call")]
    PhoneCall,

    [Display(Name = "Text message")]
    TextMessage,

    [Display(Name = "Email")]
    Email,
}

public enum RequestStatus
{
    New,
    Contacted,
    Scheduled,

    [Display(Name = "Not a candidate")]
    NotACandidate,

    Closed,
}
