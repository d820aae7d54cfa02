using Safeguard.Web.Features.ChronologyReview;

namespace Safeguard.Web.Tests.Casework;

/// <summary>The review chronology's CSV: quoted where it must be, and never a formula a spreadsheet would run.</summary>
public sealed class ReviewDocumentTests
{
    [Theory]
    [InlineData("Home visit", "Home visit")]
    [InlineData("Seen alone, at school", "\"Seen alone, at school\"")]
    [InlineData("She said \"he looks after me\"", "\"She said \"\"he looks after me\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+44 7700 900123", "\"'+44 7700 900123\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData(" =1+1", "\"' =1+1\"")]
    [InlineData("\u3000=1+1", "\"'\u3000=1+1\"")]
    [InlineData("\uFF1D1+1", "\"'\uFF1D1+1\"")]
    [InlineData("\uFF0B1", "\"'\uFF0B1\"")]
    [InlineData("\uFF0D1", "\"'\uFF0D1\"")]
    [InlineData("\uFF20SUM(A1)", "\"'\uFF20SUM(A1)\"")]
    [InlineData("A sum =1+1 later in the text", "A sum =1+1 later in the text")]
    [InlineData("", "")]
    public void Cells_are_quoted_and_formulas_defused(string value, string cell) => Assert.Equal(cell, ReviewDocument.Cell(value));

    [Fact]
    public void The_csv_has_a_header_a_line_per_row_and_marks_what_did_not_happen()
    {
        var at = new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero); // 10:30 in summer time
        var document = new ReviewDocument("Amber Lewis", null, null, new(2026, 1, 1), new(2026, 12, 31), at, "Sam Whitfield",
        [
            new(at, "Riverside Youth Project", "Concern", "Seen, with adults", "Jess Moran", false),
            new(at.AddDays(1), "", "Action overdue", "Action \"Visit\" went overdue", "Safeguard", true),
        ]);
        var text = System.Text.Encoding.UTF8.GetString(document.ToCsv().AsSpan(3));
        Assert.Equal(
            "When (UK time),Agency,Kind,What happened,Recorded by,Did not happen\r\n" +
            "2026-07-01 10:30,Riverside Youth Project,Concern,\"Seen, with adults\",Jess Moran,no\r\n" +
            "2026-07-02 10:30,,Action overdue,\"Action \"\"Visit\"\" went overdue\",Safeguard,yes\r\n",
            text);
        Assert.Equal("chronology-review-2026-01-01-to-2026-12-31.pdf", document.FileName("pdf"));
    }
}
