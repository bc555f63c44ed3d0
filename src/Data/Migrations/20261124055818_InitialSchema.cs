using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Evaluation.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    details = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "change_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    table_name = table.Column<string>(type: "text", nullable: false),
                    natural_key = table.Column<string>(type: "text", nullable: false),
                    file_id = table.Column<long>(type: "bigint", nullable: false),
                    old_values = table.Column<string>(type: "jsonb", nullable: false),
                    new_values = table.Column<string>(type: "jsonb", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    course_id = table.Column<string>(type: "text", nullable: false),
                    person_key = table.Column<string>(type: "text", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    municipality = table.Column<string>(type: "text", nullable: false),
                    group = table.Column<string>(type: "text", nullable: false),
                    worker_id = table.Column<string>(type: "text", nullable: true),
                    shelter_exit_date = table.Column<DateOnly>(type: "date", nullable: true),
                    move_in_date = table.Column<DateOnly>(type: "date", nullable: true),
                    contact_start = table.Column<DateOnly>(type: "date", nullable: true),
                    phase1_start = table.Column<DateOnly>(type: "date", nullable: true),
                    phase2_start = table.Column<DateOnly>(type: "date", nullable: true),
                    phase3_start = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "text", nullable: true),
                    children = table.Column<int>(type: "integer", nullable: true),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.course_id);
                });

            migrationBuilder.CreateTable(
                name: "ingest_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    loaded = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    quarantined = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingest_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shelter_stays",
                columns: table => new
                {
                    person_key = table.Column<string>(type: "text", nullable: false),
                    shelter_id = table.Column<string>(type: "text", nullable: false),
                    entry_date = table.Column<DateOnly>(type: "date", nullable: false),
                    exit_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shelter_stays", x => new { x.person_key, x.shelter_id, x.entry_date });
                });

            migrationBuilder.CreateTable(
                name: "staff",
                columns: table => new
                {
                    worker_id = table.Column<string>(type: "text", nullable: false),
                    municipality = table.Column<string>(type: "text", nullable: false),
                    fte = table.Column<double>(type: "double precision", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff", x => x.worker_id);
                });

            migrationBuilder.CreateTable(
                name: "tenancies",
                columns: table => new
                {
                    person_key = table.Column<string>(type: "text", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "text", nullable: true),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenancies", x => new { x.person_key, x.start_date });
                });

            migrationBuilder.CreateTable(
                name: "answers",
                columns: table => new
                {
                    course_id = table.Column<string>(type: "text", nullable: false),
                    wave = table.Column<string>(type: "text", nullable: false),
                    answered_date = table.Column<DateOnly>(type: "date", nullable: true),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_answers", x => new { x.course_id, x.wave });
                    table.ForeignKey(
                        name: "fk_answers_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "course_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "checklists",
                columns: table => new
                {
                    course_id = table.Column<string>(type: "text", nullable: false),
                    checklist = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: true),
                    worker_id = table.Column<string>(type: "text", nullable: true),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklists", x => new { x.course_id, x.checklist });
                    table.ForeignKey(
                        name: "fk_checklists_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "course_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    course_id = table.Column<string>(type: "text", nullable: false),
                    contact_key = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: true),
                    worker_id = table.Column<string>(type: "text", nullable: true),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => new { x.course_id, x.contact_key });
                    table.ForeignKey(
                        name: "fk_contacts_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "course_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    course_id = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    goals = table.Column<int>(type: "integer", nullable: true),
                    housing = table.Column<bool>(type: "boolean", nullable: true),
                    mental_health = table.Column<bool>(type: "boolean", nullable: true),
                    physical_health = table.Column<bool>(type: "boolean", nullable: true),
                    economy = table.Column<bool>(type: "boolean", nullable: true),
                    network = table.Column<bool>(type: "boolean", nullable: true),
                    daily_activities = table.Column<bool>(type: "boolean", nullable: true),
                    education_employment = table.Column<bool>(type: "boolean", nullable: true),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => new { x.course_id, x.date });
                    table.ForeignKey(
                        name: "fk_plans_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "course_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quarantine",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_id = table.Column<long>(type: "bigint", nullable: false),
                    row = table.Column<int>(type: "integer", nullable: false),
                    column = table.Column<string>(type: "text", nullable: true),
                    value = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quarantine", x => x.id);
                    table.ForeignKey(
                        name: "fk_quarantine_ingest_files_file_id",
                        column: x => x.file_id,
                        principalTable: "ingest_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_change_history_table_name_natural_key",
                table: "change_history",
                columns: new[] { "table_name", "natural_key" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_municipality",
                table: "courses",
                column: "municipality");

            migrationBuilder.CreateIndex(
                name: "ix_courses_person_key",
                table: "courses",
                column: "person_key");

            migrationBuilder.CreateIndex(
                name: "ix_ingest_files_sha256",
                table: "ingest_files",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_quarantine_file_id",
                table: "quarantine",
                column: "file_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "answers");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "change_history");

            migrationBuilder.DropTable(
                name: "checklists");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "quarantine");

            migrationBuilder.DropTable(
                name: "shelter_stays");

            migrationBuilder.DropTable(
                name: "staff");

            migrationBuilder.DropTable(
                name: "tenancies");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "ingest_files");
        }
    }
}
