// Layout: the map, and beside it the panels that say what it shows and why.
import { DataPanel } from './DataPanel';
import { ExportPanel } from './ExportPanel';
import { BasemapPanel } from './BasemapPanel';
import { Legend } from './Legend';
import { FiltersPanel } from './FiltersPanel';
import { MapView } from './MapView';
import { ViolationsPanel } from './ViolationsPanel';
import { TablesPanel } from './TablesPanel';
import { WhatIfPanel } from './WhatIfPanel';
import { RulesPanel } from './RulesPanel';
import { MethodPanel } from './MethodPanel';
import { ProjectPanel } from './ProjectPanel';
import { SearchBox } from './SearchBox';
import { useAppState } from './AppContext';

export function App() {
  const assessError = useAppState((s) => s.assessError);
  const hasFictitious = useAppState((s) => s.datasets.some((d) => d.sites.some((x) => x.fictitious)));
  return (
    <div className="app">
      <header>
        <h1>城市安全风险四色图 <small>Urban Safety Risk Map</small></h1>
        {hasFictitious && <p className="demo-banner" role="note">示例城市:南京。危险源与风险点为示例数据(虚构);学校、医院、居住区来自 OpenStreetMap。</p>}
      </header>
      <main>
        <aside className="sidebar">
          <SearchBox />
          <Legend />
          <FiltersPanel />
          <ProjectPanel />
          {assessError && <p role="alert" className="error">评估失败:{assessError}</p>}
          <TablesPanel />
          <ViolationsPanel />
          <WhatIfPanel />
          <MethodPanel />
          <RulesPanel />
          <ExportPanel />
          <BasemapPanel />
          <DataPanel />
        </aside>
        <MapView />
      </main>
    </div>
  );
}
