using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LinkedRecordAccessAndCandidateOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SurvivorJoined",
                table: "PersonMerges",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CandidateOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OfferedFor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    People = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateOffers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateOffers_UserId",
                table: "CandidateOffers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateOffers");

            migrationBuilder.DropColumn(
                name: "SurvivorJoined",
                table: "PersonMerges");
        }
    }
}
