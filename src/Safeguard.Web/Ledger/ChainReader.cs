using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Ledger;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Ledger;

/// <summary>
/// Reads a chain back exactly as stored, row by row, for verification. It reads with plain SQL rather than through
/// the EF model so that a tampered row (a column set to null, a value of the wrong shape) is reported as a bad entry
/// rather than failing to load.
/// </summary>
public static class ChainReader
{
    public static IEnumerable<ChainRow> Ledger(SafeguardDbContext db, long afterSequence = 0) =>
        Read(db, "ledger_entries",
            [nameof(LedgerEntry.Stream), nameof(LedgerEntry.Type), nameof(LedgerEntry.Payload), nameof(LedgerEntry.Actor), nameof(LedgerEntry.Agency), nameof(LedgerEntry.At)],
            afterSequence);

    public static IEnumerable<ChainRow> AccessLog(SafeguardDbContext db, long afterSequence = 0) =>
        Read(db, "access_log_entries",
            [nameof(AccessLogEntry.Stream), nameof(AccessLogEntry.Action), nameof(AccessLogEntry.Actor), nameof(AccessLogEntry.Agency), nameof(AccessLogEntry.At), nameof(AccessLogEntry.Basis), nameof(AccessLogEntry.Reason)],
            afterSequence);

    private static IEnumerable<ChainRow> Read(SafeguardDbContext db, string table, string[] fields, long afterSequence)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            connection.Open();
        }
        try
        {
            using var command = connection.CreateCommand();
            var columns = string.Join(", ", fields.Select(f => $"\"{f}\""));
#pragma warning disable CA2100 // table and column names are constants of this class, never input
            command.CommandText = $"SELECT \"Sequence\", \"PreviousHash\", \"Hash\", {columns} FROM {table} WHERE \"Sequence\" > @after ORDER BY \"Sequence\"";
#pragma warning restore CA2100
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@after";
            parameter.Value = afterSequence;
            command.Parameters.Add(parameter);
            using var reader = command.ExecuteReader();
            var atIndex = Array.IndexOf(fields, nameof(LedgerEntry.At)) + 3;
            while (reader.Read())
            {
                var values = new string?[fields.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    var ordinal = i + 3;
                    values[i] = ordinal == atIndex ? ReadInstant(reader, ordinal) : ReadText(reader, ordinal);
                }
                yield return new ChainRow(reader.GetInt64(0), ReadText(reader, 1) ?? "", ReadText(reader, 2) ?? "", values);
            }
        }
        finally
        {
            if (opened)
            {
                connection.Close();
            }
        }
    }

    private static string? ReadText(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    // Instants are stored as UTC ticks on SQLite and as timestamptz on PostgreSQL; both become the hashed form.
    private static string? ReadInstant(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        return reader.GetValue(ordinal) switch
        {
            long ticks => ChainHash.FormatInstant(new DateTimeOffset(ticks, TimeSpan.Zero)),
            DateTime utc => ChainHash.FormatInstant(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))),
            DateTimeOffset instant => ChainHash.FormatInstant(instant),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
    }

    public static IEnumerable<ChainRow> Rows(SafeguardDbContext db, SafeguardDbContext.ChainName chain, long afterSequence = 0) =>
        chain == SafeguardDbContext.ChainName.Ledger ? Ledger(db, afterSequence) : AccessLog(db, afterSequence);

    /// <summary>The highest sequence number stored in the chain (0 when it is empty).</summary>
    public static long HeadSequence(SafeguardDbContext db, SafeguardDbContext.ChainName chain) =>
        chain == SafeguardDbContext.ChainName.Ledger
            ? db.Ledger.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefault()
            : db.AccessLog.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefault();
}
