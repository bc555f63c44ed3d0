using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evaluation.Data.Migrations
{
    /// <inheritdoc />
    public partial class DropCourseForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_answers_courses_course_id",
                table: "answers");

            migrationBuilder.DropForeignKey(
                name: "fk_checklists_courses_course_id",
                table: "checklists");

            migrationBuilder.DropForeignKey(
                name: "fk_contacts_courses_course_id",
                table: "contacts");

            migrationBuilder.DropForeignKey(
                name: "fk_plans_courses_course_id",
                table: "plans");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_answers_courses_course_id",
                table: "answers",
                column: "course_id",
                principalTable: "courses",
                principalColumn: "course_id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_checklists_courses_course_id",
                table: "checklists",
                column: "course_id",
                principalTable: "courses",
                principalColumn: "course_id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_contacts_courses_course_id",
                table: "contacts",
                column: "course_id",
                principalTable: "courses",
                principalColumn: "course_id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_plans_courses_course_id",
                table: "plans",
                column: "course_id",
                principalTable: "courses",
                principalColumn: "course_id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
