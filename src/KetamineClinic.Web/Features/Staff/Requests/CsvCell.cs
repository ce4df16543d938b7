namespace KetamineClinic.Web.Features.Staff.Requests;

/// <summary>
/// Guards exported cells against CSV (formula) injection: a spreadsheet would run a cell that starts
/// with =, +, -, @, a tab or a carriage return as a formula, so such cells get a leading apostrophe.
/// </summary>
public static class CsvCell
{
    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value
        : value;
}
