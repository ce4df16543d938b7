using System.ComponentModel.DataAnnotations;

namespace KetamineClinic.Data.Entities;

/// <summary>
/// An email waiting to be sent. It is written in the same transaction as the request it belongs to,
/// so an accepted request can never lose its emails; a background dispatcher renders it from that request
/// and delivers it later. Only what delivery needs is kept here: no recipients, subject or body, so the
/// outbox holds no second copy of anyone's contact details.
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }
    public int ConsultationRequestId { get; set; }
    public ConsultationRequest? ConsultationRequest { get; set; }

    public EmailKind Kind { get; set; }

    /// <summary>The call a booking email is about (confirmation, change, cancellation, reminder); null for the others.</summary>
    public int? ConsultationCallId { get; set; }

    /// <summary>
    /// The visitor's manage-link token, encrypted, for the one email that must carry it; cleared once that email is sent,
    /// so afterwards only its hash (on the call) remains.
    /// </summary>
    public string? ManageToken { get; set; }

    /// <summary>RFC 5322 Message-Id, fixed at creation so a retried send is recognisably the same message.</summary>
    public required string MessageId { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>When the send was recorded: once per dispatcher batch, so within moments of the send itself.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Which dispatcher holds the message and until when; a claim past its time may be taken over.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }

    /// <summary>Last delivery error (exception type and server reply; never message content).</summary>
    public string? LastError { get; set; }
}

public enum EmailKind
{
    [Display(Name = "Staff notification")]
    StaffNotification,

    [Display(Name = "Acknowledgement to the visitor")]
    Acknowledgement,

    [Display(Name = "Call booked")]
    CallBooked,

    [Display(Name = "Call changed")]
    CallChanged,

    [Display(Name = "Call cancelled")]
    CallCancelled,

    [Display(Name = "Call reminder")]
    CallReminder,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}
