namespace KetamineClinic.Data.Entities;

/// <summary>One step of a request's status history: from, to, by whom and when.</summary>
public sealed class RequestStatusChange
{
    public int Id { get; set; }
    public int ConsultationRequestId { get; set; }
    public RequestStatus From { get; set; }
    public RequestStatus To { get; set; }
    public required string ChangedById { get; set; }
    public required string ChangedByName { get; set; }
    public DateTime ChangedAt { get; set; }
}
