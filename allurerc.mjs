// Allure 3: one self-contained HTML file (it opens from file:// without a server),
// with history kept between runs so the trend shows.
export default {
  name: "Clinic receptionist — acceptance",
  output: "allure-report",
  historyPath: "reports/history.jsonl",
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportName: "Clinic receptionist — acceptance",
        groupBy: ["epic", "feature", "story"],
      },
    },
  },
};
