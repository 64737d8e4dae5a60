import { useEffect } from 'react'
import { useDemoStore } from '../../../stores/useDemoStore.js'
import { useTrainingStore } from '../../../stores/useTrainingStore.js'
import { PageHeader } from '../../../ui/Shell.js'
import { DemoCard } from './DemoCard.js'
import { ScenariosCard } from './ScenariosCard.js'

// Training: the demo shop (simulated buyers placing orders) and guided
// scenarios with a goal to reach on the board.
export function TrainingView() {
  useEffect(() => {
    void useDemoStore.getState().fetch()
    void useTrainingStore.getState().fetchList()
    void useTrainingStore.getState().fetchRun()
  }, [])

  return (
    <div className="page">
      <PageHeader
        title="Training"
        description="Practise on a demo shop with simulated buyers, or follow a scenario with a goal to reach"
      />
      <div className="grid-2 grid-2--wide-left">
        <ScenariosCard />
        <DemoCard />
      </div>
    </div>
  )
}
