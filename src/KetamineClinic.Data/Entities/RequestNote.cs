namespace KetamineClinic.Data.Entities;

/// <summary>A staff note on a request. Notes are appended, never edited or deleted.</summary>
public sealed class RequestNote
{
    public int Id { get; set; }
    public int ConsultationRequestId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }

    /// <summary>May hold clinical details; encrypted at rest.</summary>
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}
