namespace KetamineClinic.Data.Entities;

public sealed class LeadStatusChange
{
    public int Id { get; set; }
    public int ConsultationRequestId { get; set; }
    public RequestStatus From { get; set; }
    public RequestStatus To { get; set; }
    public required string ChangedById { get; set; }
    public required string ChangedByName { get; set; }
    public DateTime ChangedAt { get; set; }
}
