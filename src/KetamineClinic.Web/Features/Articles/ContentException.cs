namespace KetamineClinic.Web.Features.Articles;

/// <summary>A content file that cannot be published as it is; the message says what to fix.</summary>
public sealed class ContentException(string message, Exception? inner = null) : Exception(message, inner);
