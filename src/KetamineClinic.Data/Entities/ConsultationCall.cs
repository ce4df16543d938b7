using System.ComponentModel.DataAnnotations;

namespace KetamineClinic.Data.Entities;

/// <summary>
/// A consultation call booked for a request at a chosen time: "a call" (docs/decisions/0004-vocabulary.md). Changing the
/// time moves this row (same calendar UID, SEQUENCE raised); cancelling sets <see cref="CancelledAt"/>. The database
/// refuses a second live call on the same start and seat, so two visitors can never both get the last place.
/// </summary>
public sealed class ConsultationCall
{
    public int Id { get; set; }
    public int ConsultationRequestId { get; set; }
    public ConsultationRequest? ConsultationRequest { get; set; }

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>Which of the calls the clinic takes at once (1…CallsAtOnce) this one holds.</summary>
    public int Seat { get; set; }

    public CallStatus Status { get; set; } = CallStatus.Booked;

    /// <summary>Set when the call is cancelled; a cancelled call holds no seat.</summary>
    public DateTime? CancelledAt { get; set; }

    /// <summary>The calendar event's UID, the same for every change of this call.</summary>
    public required string CalendarUid { get; set; }

    /// <summary>The calendar event's SEQUENCE, raised on each change and on cancelling.</summary>
    public int Sequence { get; set; }

    /// <summary>SHA-256 (hex) of the visitor's manage-link token; the token itself is never stored.</summary>
    public required string ManageTokenHash { get; set; }

    public DateTime ManageTokenExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }

    /// <summary>The SQL condition of a call that holds its seat; the filtered unique indexes use it on both providers.</summary>
    public const string HoldsSeatFilter = "CancelledAt IS NULL";
}

public enum CallStatus
{
    Booked,
    Done,

    [Display(Name = "No-show")]
    NoShow,

    Cancelled,
}
