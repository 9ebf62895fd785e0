// ECharts, tree-shaken: only the charts and components the features use (自社診断's charts,
// 様式3's timeline, the アンケート's results), drawn as SVG. Loaded on
// demand by EChart.vue, so pages without charts never download it. ECharts needs no eval, so it
// runs under the server's Content-Security-Policy (inline styles are allowed there).
import { init, use } from 'echarts/core'
import { BarChart, RadarChart, ScatterChart } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

use([BarChart, RadarChart, ScatterChart, AriaComponent, GridComponent, LegendPlainComponent, RadarComponent, TooltipComponent, SVGRenderer])

export { init }
