// libgdiplus (under ClosedXML's column sizing) is not thread-safe; workbook and chart tests running
// side by side crashed the test host now and then. The product renders on one thread, so do the tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
