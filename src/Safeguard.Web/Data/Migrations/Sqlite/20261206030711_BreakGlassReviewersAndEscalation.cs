using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BreakGlassReviewersAndEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewerBasis",
                table: "BreakGlass",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BreakGlassEscalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BreakGlassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReachedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifiedUserIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakGlassEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreakGlassEscalations_BreakGlass_BreakGlassId",
                        column: x => x.BreakGlassId,
                        principalTable: "BreakGlass",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlass_Review",
                table: "BreakGlass",
                column: "Review");

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlassEscalations_BreakGlassId_Level",
                table: "BreakGlassEscalations",
                columns: new[] { "BreakGlassId", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BreakGlassEscalations");

            migrationBuilder.DropIndex(
                name: "IX_BreakGlass_Review",
                table: "BreakGlass");

            migrationBuilder.DropColumn(
                name: "ReviewerBasis",
                table: "BreakGlass");
        }
    }
}
