using KetamineClinic.Web.Features.Staff.Requests;

namespace KetamineClinic.Tests.Staff;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+13125550147", "'+13125550147")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Rosa", "Rosa")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_that_a_spreadsheet_would_run_as_formulas_get_a_leading_apostrophe(string? value, string expected) =>
        Assert.Equal(expected, CsvCell.Neutralise(value));
}
