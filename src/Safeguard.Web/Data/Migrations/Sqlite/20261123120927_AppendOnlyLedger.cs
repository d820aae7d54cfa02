using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Web.Data;

#nullable disable

namespace Safeguard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppendOnlyLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The database itself refuses UPDATE, DELETE and TRUNCATE on the ledger and the access log.
            foreach (var sql in SqliteAppendOnly.Sql)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ledger_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ledger_entries_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS access_log_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS access_log_entries_no_delete;");
        }
    }
}
